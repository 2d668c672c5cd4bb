package io.kibly.sandbox.xero.accounting;

import io.kibly.sandbox.xero.data.TransactionStatus;
import io.kibly.sandbox.xero.data.TransactionType;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Xero's {@code where} language the sandbox understands: {@code Status=="AUTHORISED"} and
 * {@code Type=="SPEND"}, joined by {@code AND} / {@code &&} (and {@code OR} / {@code ||} between values of the
 * same field). Anything else is refused rather than silently ignored, so a client never believes a filter worked.
 */
public record WhereClause(Set<TransactionStatus> statuses, Set<TransactionType> types) {

    private static final Pattern CONDITION =
            Pattern.compile("\\s*(Status|Type)\\s*==\\s*\"([A-Za-z-]+)\"\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+AND\\s+|&&", Pattern.CASE_INSENSITIVE);
    private static final Pattern OR = Pattern.compile("\\s+OR\\s+|\\|\\|", Pattern.CASE_INSENSITIVE);

    public static WhereClause parse(String where) {
        Set<TransactionStatus> statuses = EnumSet.noneOf(TransactionStatus.class);
        Set<TransactionType> types = EnumSet.noneOf(TransactionType.class);
        if (where == null || where.isBlank()) {
            return new WhereClause(statuses, types);
        }
        for (String conjunct : AND.split(strip(where))) {
            Set<TransactionStatus> anyStatus = EnumSet.noneOf(TransactionStatus.class);
            Set<TransactionType> anyType = EnumSet.noneOf(TransactionType.class);
            for (String condition : OR.split(strip(conjunct))) {
                Matcher matcher = CONDITION.matcher(strip(condition));
                if (!matcher.matches()) {
                    throw XeroApiException.queryParse("The sandbox cannot parse the where clause: " + where);
                }
                try {
                    if (matcher.group(1).equalsIgnoreCase("Status")) {
                        anyStatus.add(TransactionStatus.fromWireName(matcher.group(2)));
                    } else {
                        anyType.add(TransactionType.fromWireName(matcher.group(2)));
                    }
                } catch (IllegalArgumentException e) {
                    throw XeroApiException.queryParse("Unknown value in where clause: " + matcher.group(2));
                }
            }
            if (!anyStatus.isEmpty() && !anyType.isEmpty()) {
                throw XeroApiException.queryParse("The sandbox cannot OR different fields: " + where);
            }
            intersect(statuses, anyStatus);
            intersect(types, anyType);
        }
        return new WhereClause(statuses, types);
    }

    private static <E extends Enum<E>> void intersect(Set<E> accumulated, Set<E> next) {
        if (next.isEmpty()) {
            return;
        }
        if (accumulated.isEmpty()) {
            accumulated.addAll(next);
        } else {
            accumulated.retainAll(next);
            if (accumulated.isEmpty()) {
                throw XeroApiException.queryParse("The where clause can match nothing");
            }
        }
    }

    private static String strip(String text) {
        String trimmed = text.trim();
        while (trimmed.startsWith("(") && trimmed.endsWith(")")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed;
    }
}
