/** Operators' views of the engine's own state: the work the broker parked on its dead message queue. */
package io.kibly.engine.interfaces.operations.rest;
