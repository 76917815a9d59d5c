// Java's own answers for the table in `../java_dialect.rs`, to re-check it when `java` (11 or
// later) is on the PATH:
//
//     cargo test -p specgen-pattern --test java_dialect -- --ignored
//
// Input: one question per line, fields hex-encoded UTF-8 (any character survives):
//     M <pattern> <input>   ->  `true` or `false` (Pattern.matches), or `invalid: <reason>`
//     C <pattern>           ->  `ok`, or `invalid: <reason>` (Pattern.compile)
// Output: one answer per line, in order.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class JavaMatches {
    static String unhex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(" ", -1);
            String answer;
            try {
                Pattern p = Pattern.compile(unhex(f[1]));
                answer = f[0].equals("M") ? String.valueOf(p.matcher(unhex(f[2])).matches()) : "ok";
            } catch (PatternSyntaxException e) {
                answer = "invalid: " + e.getDescription();
            }
            out.append(answer).append('\n');
        }
        System.out.print(out);
    }
}
