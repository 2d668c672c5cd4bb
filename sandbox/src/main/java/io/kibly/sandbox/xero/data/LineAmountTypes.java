package io.kibly.sandbox.xero.data;

/** Whether line amounts include tax. */
public enum LineAmountTypes {
    Exclusive, Inclusive, NoTax
}
