/** MicroProfile Health checks: liveness, and readiness of the database and the JMS broker. */
package io.kibly.engine.interfaces.health;
