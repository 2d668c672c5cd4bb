/** REST entry point for reading the tenant's audit trail (administrators only). */
package io.kibly.engine.interfaces.audit.rest;
