/** REST entry points for starting and inspecting batch jobs (always the tenant's own). */
package io.kibly.engine.interfaces.batch.rest;
