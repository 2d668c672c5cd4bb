/** REST entry points for registering and reading a tenant's integrations, and asking for a sync. */
package io.kibly.engine.interfaces.integration.rest;
