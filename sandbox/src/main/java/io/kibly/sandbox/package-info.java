/**
 * A provider sandbox: a web application that plays Xero (and later QuickBooks Online) closely enough that code
 * which passes against it passes against the real services. Logic lives in plain classes; {@code rest} and
 * {@code admin} only translate HTTP.
 */
package io.kibly.sandbox;
