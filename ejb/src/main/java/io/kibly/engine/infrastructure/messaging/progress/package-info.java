/** Live sync progress inside one server: CDI events observed after commit, fanned out to subscribers (SSE). */
package io.kibly.engine.infrastructure.messaging.progress;
