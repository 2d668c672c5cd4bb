/** The imported transactions as the enterprise portal reads them: filtered pages and summaries. */
package io.kibly.engine.interfaces.transaction.rest;
