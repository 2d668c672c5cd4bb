package io.kibly.engine.domain.model.enrichment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a matching rule gives a transaction. Category, account code and tags are stripped of surrounding spaces;
 * repeated tags are kept once, in their first position.
 *
 * @param accountCode the account code to categorise to; null leaves it unset
 */
public record RuleOutcome(String category, String accountCode, List<String> tags) {

    public static final int MAX_CATEGORY_LENGTH = 100;
    public static final int MAX_ACCOUNT_CODE_LENGTH = 20;
    public static final int MAX_TAG_LENGTH = 40;
    public static final int MAX_TAGS = 20;

    public RuleOutcome {
        if (category == null || category.isBlank()) {
            throw new InvalidRuleException("A rule must give a category");
        }
        category = category.strip();
        if (category.length() > MAX_CATEGORY_LENGTH) {
            throw new InvalidRuleException("The category is longer than " + MAX_CATEGORY_LENGTH + " characters");
        }
        if (accountCode != null) {
            if (accountCode.isBlank()) {
                throw new InvalidRuleException("The account code is blank; leave it out to not set one");
            }
            accountCode = accountCode.strip();
            if (accountCode.length() > MAX_ACCOUNT_CODE_LENGTH) {
                throw new InvalidRuleException(
                        "The account code is longer than " + MAX_ACCOUNT_CODE_LENGTH + " characters");
            }
        }
        tags = distinctTags(tags);
    }

    public RuleOutcome(String category) {
        this(category, null, List.of());
    }

    private static List<String> distinctTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new InvalidRuleException("A tag is blank");
            }
            String stripped = tag.strip();
            if (stripped.length() > MAX_TAG_LENGTH) {
                throw new InvalidRuleException("The tag '" + stripped.substring(0, MAX_TAG_LENGTH)
                        + "...' is longer than " + MAX_TAG_LENGTH + " characters");
            }
            distinct.add(stripped);
        }
        if (distinct.size() > MAX_TAGS) {
            throw new InvalidRuleException("A rule gives " + distinct.size() + " tags; at most " + MAX_TAGS
                    + " are allowed");
        }
        return List.copyOf(distinct);
    }
}
