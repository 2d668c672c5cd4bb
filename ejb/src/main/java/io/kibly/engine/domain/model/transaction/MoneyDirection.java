package io.kibly.engine.domain.model.transaction;

/** Whether a transaction brought money into the account or took it out (providers give totals unsigned). */
public enum MoneyDirection {
    IN,
    OUT
}
