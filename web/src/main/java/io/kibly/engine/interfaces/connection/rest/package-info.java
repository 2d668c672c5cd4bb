/** REST entry points for the tenant's provider connections as a whole (key rotation). */
package io.kibly.engine.interfaces.connection.rest;
