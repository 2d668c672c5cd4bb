package io.kibly.engine.infrastructure.provider.ledger;

import io.kibly.engine.application.LedgerGateway;
import io.kibly.engine.domain.model.integration.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The {@link LedgerGateway} over both providers' clients (each with its own circuit breaker and bulkhead). */
@ApplicationScoped
public class ProviderLedgerGateway implements LedgerGateway {

    @Inject
    XeroLedgerClient xero;

    @Inject
    QuickBooksLedgerClient quickbooks;

    @Override
    public List<String> entities(Provider provider, boolean incremental) {
        if (provider == Provider.XERO) {
            return List.of(XeroLedgerClient.ENTITY);
        }
        List<String> entities = new ArrayList<>(QuickBooksLedgerClient.ENTITIES);
        if (incremental) {
            entities.add(QuickBooksLedgerClient.CHANGE_FEED);
        }
        return entities;
    }

    @Override
    public List<String> changeFeeds(Provider provider) {
        return provider == Provider.QUICKBOOKS ? List.of(QuickBooksLedgerClient.CHANGE_FEED) : List.of();
    }

    @Override
    public LedgerPage fetch(Provider provider, PageRequest request) {
        return provider == Provider.XERO ? xero.bankTransactions(request) : quickbooks.fetch(request);
    }
}
