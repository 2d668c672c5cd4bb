package io.kibly.sandbox.quickbooks;

/** What the API asks the OAuth side about a call's {@code Authorization} header. */
public interface QuickBooksAccess {

    /** Everything allowed, nothing revoked: for tests and for running without OAuth. */
    QuickBooksAccess OPEN = new QuickBooksAccess() {
        @Override
        public boolean isRevoked(String authorization) {
            return false;
        }

        @Override
        public boolean mayAccess(String authorization, String realmId) {
            return true;
        }
    };

    /** The bearer token belongs to a grant revoked since it was issued. */
    boolean isRevoked(String authorization);

    /** The bearer token is live and was granted for this realm. */
    boolean mayAccess(String authorization, String realmId);
}
