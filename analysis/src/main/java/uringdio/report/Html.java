package uringdio.report;

/**
 * Text made safe for an HTML page. Everything the report shows comes from files a run wrote
 * (labels, mount options, findings, command lines), so every piece of it goes through here.
 */
final class Html {

    private Html() {
    }

    /** {@code s} as element text or an attribute value (double-quoted). */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code <tag>text</tag>}, the text escaped. */
    static String element(String tag, String text) {
        return "<" + tag + ">" + escape(text) + "</" + tag + ">";
    }

    /**
     * JSON placed inside a {@code <script>} element: only "</" can end the element early, and
     * "<\/" means the same in JSON.
     */
    static String scriptJson(String json) {
        return json.replace("</", "<\\/");
    }
}
