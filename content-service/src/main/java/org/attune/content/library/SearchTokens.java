package org.attune.content.library;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Search works on a stored list of normalised words (lower case, apostrophes dropped, Markdown link targets
 * ignored), queried with {@code $all}: the same query runs on real MongoDB and on mongo-java-server, which has no
 * text index.
 */
final class SearchTokens {

    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    private static final Pattern APOSTROPHE = Pattern.compile("['’]");
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchTokens() {}

    static List<String> of(String... texts) {
        var tokens = new LinkedHashSet<String>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String plain = LINK_TARGET.matcher(text).replaceAll("]");
            plain = APOSTROPHE.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
            for (String word : SEPARATOR.split(plain)) {
                if (word.length() >= 2) {
                    tokens.add(word);
                }
            }
        }
        return List.copyOf(tokens);
    }
}
