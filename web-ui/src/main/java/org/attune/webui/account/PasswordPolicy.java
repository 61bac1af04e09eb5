package org.attune.webui.account;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * OWASP ASVS 5 password rules: at least 8 and up to 128 characters, any characters, no composition rules, and not
 * guessable: zxcvbn's estimate must reach 3 of 4, and the password must not contain the email or the name.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    static final int MIN_SCORE = 3;
    // zxcvbn's running time grows with the length; past this it looks only at a prefix (the rest only adds strength).
    private static final int MEASURED_PREFIX = 100;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** Why the password is not accepted, or empty when it is. The reason never repeats the password. */
    public Optional<String> problem(String password, String email, String displayName) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("needs at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("can have at most " + MAX_LENGTH + " characters");
        }
        var lower = password.toLowerCase(Locale.ROOT);
        var personal = personalWords(email, displayName);
        for (var word : personal) {
            if (word.length() >= 3 && lower.contains(word)) {
                return Optional.of("should not contain your email or name");
            }
        }
        var measured = password.length() > MEASURED_PREFIX ? password.substring(0, MEASURED_PREFIX) : password;
        var strength = zxcvbn.measure(measured, personal);
        if (strength.getScore() < MIN_SCORE) {
            return Optional.of("is too easy to guess; a few unrelated words together make a strong one");
        }
        return Optional.empty();
    }

    private static List<String> personalWords(String email, String displayName) {
        var words = new ArrayList<String>();
        if (email != null && !email.isBlank()) {
            var normal = email.trim().toLowerCase(Locale.ROOT);
            words.add(normal);
            int at = normal.indexOf('@');
            if (at > 0) {
                words.add(normal.substring(0, at));
            }
        }
        if (displayName != null && !displayName.isBlank()) {
            var normal = displayName.trim().toLowerCase(Locale.ROOT);
            words.add(normal);
            for (var part : normal.split("\\s+")) {
                if (!part.isEmpty()) {
                    words.add(part);
                }
            }
        }
        return words;
    }
}
