package io.kibly.sandbox.quickbooks;

import java.time.Clock;

/** The Purchases and Deposits of one realm. */
public record RealmBooks(String realmId, EntityLedger<Purchase> purchases, EntityLedger<Deposit> deposits) {

    public static RealmBooks of(QuickBooksSettings settings, String realmId, Clock clock) {
        return new RealmBooks(realmId,
                new EntityLedger<>("Purchase", new PurchaseGenerator(settings.seed(), realmId), Purchase::stamp,
                        settings.purchasesPerRealm(), clock),
                new EntityLedger<>("Deposit", new DepositGenerator(settings.seed(), realmId), Deposit::stamp,
                        settings.depositsPerRealm(), clock));
    }

    public void forgetChanges() {
        purchases.forgetChanges();
        deposits.forgetChanges();
    }
}
