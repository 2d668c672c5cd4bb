package io.kibly.engine.application;

import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.domain.model.transaction.ProviderDeletion;
import java.time.Instant;
import java.util.List;

/**
 * Port: reads a provider's money movements a page at a time, translated into the engine's model. A provider
 * exposes them as one or more entities (Xero: BankTransactions; QuickBooks: Purchase, Deposit, and the change
 * data capture that reports deletions), each read in the order of its last-modified time.
 *
 * @see ProviderThrottledException a 429: wait, do not count it as a failure
 * @see ProviderUnavailableException a transient failure: retry later
 * @see ProviderRejectedException a permanent failure
 * @see GrantRevokedException the provider refused the access token
 */
public interface LedgerGateway {

    /** The entities to read for a sync of this provider, in order; {@code incremental} may add change feeds. */
    List<String> entities(Provider provider, boolean incremental);

    /**
     * The entities among {@link #entities} that are change feeds (QuickBooks' change data capture): they report
     * changes since a moment rather than rows, so a completed sync sets their cursor to when it started.
     */
    List<String> changeFeeds(Provider provider);

    /** One page of one entity. Called outside database transactions. */
    LedgerPage fetch(Provider provider, PageRequest request);

    /**
     * Which page: the entity's rows modified strictly after {@code modifiedSince} (null: all), ordered by
     * modification time, page {@code page} (from 1) of {@code pageSize}. {@code toString} shows no token.
     */
    record PageRequest(String accessToken, String providerTenantId, String entity, Instant modifiedSince, int page,
            int pageSize) {
        @Override
        public String toString() {
            return "PageRequest[" + providerTenantId + ", " + entity + ", since " + modifiedSince + ", page " + page
                    + " of " + pageSize + "]";
        }
    }

    /**
     * What a page held. {@code last} when no further page of the entity exists (the page was not full).
     * {@code latestModification} is the newest modification time on the page (null for an empty page).
     * {@code itemCount} is how many rows the whole query holds, when the provider says (Xero's pagination).
     */
    record LedgerPage(List<LedgerTransaction> transactions, List<ProviderDeletion> deletions, boolean last,
            Instant latestModification, Long itemCount) {

        public LedgerPage(List<LedgerTransaction> transactions, List<ProviderDeletion> deletions, boolean last,
                Instant latestModification) {
            this(transactions, deletions, last, latestModification, null);
        }

        public int size() {
            return transactions.size() + deletions.size();
        }
    }
}
