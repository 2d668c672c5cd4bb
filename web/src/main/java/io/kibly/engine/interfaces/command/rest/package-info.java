/**
 * The REST side of the JMS command channel: administrators issue, list and revoke the command keys their
 * corporate systems put on JMS commands.
 */
package io.kibly.engine.interfaces.command.rest;
