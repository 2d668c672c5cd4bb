/**
 * Injected faults, decided per API call by seedable dice: 500s, 503s, slow answers, timeouts (a long sleep, then
 * 504) and bodies cut off mid-JSON. Plain classes; the providers' endpoints turn a {@link
 * io.kibly.sandbox.faults.FaultPlan} into their own error shapes.
 */
package io.kibly.sandbox.faults;
