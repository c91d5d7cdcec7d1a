package uringdio.export;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report as Jenkins, GitLab and GitHub test reporters read it (the Ant junit.xsd):
 * <pre>
 * &lt;testsuites name tests failures errors time&gt;
 *   &lt;testsuite name tests failures errors skipped time timestamp hostname&gt;
 *     &lt;testcase classname name time&gt;&lt;failure message type&gt;text&lt;/failure&gt;&lt;/testcase&gt;
 * </pre>
 * One test case per scenario; a regression or a finding is a failure whose message says what.
 * Written with {@link XMLStreamWriter}, which escapes markup; characters XML 1.0 cannot hold at
 * all (a terminal escape in a message, say) become U+FFFD, since no escaping makes them legal.
 */
public final class JunitXml {

    /** The xsd's ISO 8601 pattern: seconds, no zone. Written in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JunitXml() {
    }

    /** One suite named {@code suiteName} holding {@code cases}, run at {@code timestamp} on {@code hostname}. */
    public static void write(String suiteName, List<TestCaseResult> cases, Instant timestamp, String hostname, OutputStream out) {
        Objects.requireNonNull(suiteName, "suite name");
        Objects.requireNonNull(hostname, "hostname");
        long failures = cases.stream().filter(TestCaseResult::isFailure).count();
        String total = seconds(cases.stream().mapToDouble(TestCaseResult::seconds).sum());
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            attribute(xml, "name", suiteName);
            counts(xml, cases.size(), failures, total);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            attribute(xml, "name", suiteName);
            counts(xml, cases.size(), failures, total);
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("timestamp", TIMESTAMP.format(timestamp.truncatedTo(ChronoUnit.SECONDS)));
            attribute(xml, "hostname", hostname);
            for (TestCaseResult c : cases) {
                xml.writeCharacters("\n    ");
                testCase(xml, c);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the JUnit XML report", e);
        }
    }

    /** The same, to {@code file}, whole or not at all. */
    public static void write(String suiteName, List<TestCaseResult> cases, Instant timestamp, String hostname, Path file) {
        ExportFiles.write(file, out -> write(suiteName, cases, timestamp, hostname, out));
    }

    private static void testCase(XMLStreamWriter xml, TestCaseResult c) throws XMLStreamException {
        if (!c.isFailure()) {
            xml.writeEmptyElement("testcase");
            testCaseAttributes(xml, c);
            return;
        }
        xml.writeStartElement("testcase");
        testCaseAttributes(xml, c);
        xml.writeStartElement("failure");
        attribute(xml, "message", c.failureMessage());
        if (c.failureType() != null) {
            attribute(xml, "type", c.failureType());
        }
        xml.writeCharacters(legal(c.failureMessage()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void testCaseAttributes(XMLStreamWriter xml, TestCaseResult c) throws XMLStreamException {
        attribute(xml, "classname", c.className());
        attribute(xml, "name", c.name());
        xml.writeAttribute("time", seconds(c.seconds()));
    }

    private static void counts(XMLStreamWriter xml, int tests, long failures, String time) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", time);
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, legal(value));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** {@code text} with every character XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/F) replaced by U+FFFD. */
    static String legal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(allowed(cp) ? cp : 0xFFFD));
        return out.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
