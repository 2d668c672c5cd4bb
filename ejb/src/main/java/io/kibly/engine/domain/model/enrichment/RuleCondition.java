package io.kibly.engine.domain.model.enrichment;

import java.math.BigDecimal;

/**
 * When a rule applies: every criterion given must hold; a null criterion does not constrain. At least one criterion
 * is required, so that no rule silently matches everything.
 *
 * @param contact         the contact's provider id (exactly) or its name (ignoring case)
 * @param minAmount       the smallest unsigned total that matches, inclusive
 * @param maxAmount       the largest unsigned total that matches, inclusive
 * @param type            the provider's transaction type, ignoring case
 * @param providerAccount the provider's id of the bank account
 */
public record RuleCondition(
        TextMatch description,
        TextMatch reference,
        String contact,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        String type,
        String providerAccount) {

    public RuleCondition {
        requireNullOrNonBlank(contact, "contact");
        requireNullOrNonBlank(type, "type");
        requireNullOrNonBlank(providerAccount, "provider account");
        requireNullOrNotNegative(minAmount, "minimum");
        requireNullOrNotNegative(maxAmount, "maximum");
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            throw new InvalidRuleException("The minimum amount " + minAmount.toPlainString()
                    + " is above the maximum amount " + maxAmount.toPlainString());
        }
        if (description == null && reference == null && contact == null && minAmount == null && maxAmount == null
                && type == null && providerAccount == null) {
            throw new InvalidRuleException("A rule condition needs at least one criterion");
        }
    }

    /** Whether the subject meets every criterion, each match within {@link TextMatch#DEFAULT_BUDGET}. */
    public boolean matches(EnrichmentSubject subject) {
        return matches(subject, MatchBudget.perMatch(TextMatch.DEFAULT_BUDGET));
    }

    /**
     * Whether the subject meets every criterion. The cheap criteria are tested first: a pattern runs only on the
     * transactions they let through.
     *
     * @throws MatchBudgetExceededException a pattern ran past its budget; it names the criterion
     */
    public boolean matches(EnrichmentSubject subject, MatchBudget budget) {
        return (contact == null || contact.equals(subject.contactId())
                        || contact.equalsIgnoreCase(subject.contactName()))
                && (minAmount == null || subject.total().compareTo(minAmount) >= 0)
                && (maxAmount == null || subject.total().compareTo(maxAmount) <= 0)
                && (type == null || type.equalsIgnoreCase(subject.type()))
                && (providerAccount == null || providerAccount.equals(subject.accountId()))
                && text(description, subject.description(), "description", budget)
                && text(reference, subject.reference(), "reference", budget);
    }

    private static boolean text(TextMatch match, String text, String field, MatchBudget budget) {
        if (match == null) {
            return true;
        }
        try {
            return match.matches(text, budget);
        } catch (MatchBudgetExceededException e) {
            throw e.in(field, match.pattern());
        }
    }

    private static void requireNullOrNonBlank(String criterion, String name) {
        if (criterion != null && criterion.isBlank()) {
            throw new InvalidRuleException("The " + name + " criterion is blank; leave it out to not constrain it");
        }
    }

    // Totals are unsigned (direction says in or out), so a negative bound is a sign mistake, never intended.
    private static void requireNullOrNotNegative(BigDecimal amount, String name) {
        if (amount != null && amount.signum() < 0) {
            throw new InvalidRuleException("The " + name + " amount " + amount.toPlainString()
                    + " is negative; amounts are unsigned totals");
        }
    }
}
