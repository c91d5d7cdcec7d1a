package uringdio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {

    private static final String AWKWARD = "btrfs \"16K\" <x4> & 'FIRST' qd1";
    private static final Instant WHEN = Instant.parse("2026-11-26T06:09:44.512Z");

    private static final List<TestCaseResult> CASES = List.of(
            TestCaseResult.passed("uringdio.ext4", "ext4 16K x4 ALL INLINE qd1", 12.5),
            TestCaseResult.failed("uringdio.btrfs", AWKWARD, 13.25,
                    "p99 latency +25% [+18%, +32%] beyond the 10% threshold: 597 < 746 us & worse", "REGRESSION"));

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Document write(List<TestCaseResult> cases) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JunitXml.write("uring-dio-bench default", cases, WHEN, "ci-runner-7", out);
        return parse(out.toByteArray());
    }

    @Test
    void suitesSuiteAndCasesCarryTheDocumentedAttributes() throws Exception {
        Element suites = write(CASES).getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        assertEquals("2", suites.getAttribute("tests"));
        assertEquals("1", suites.getAttribute("failures"));

        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertEquals("uring-dio-bench default", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("25.750", suite.getAttribute("time"));
        assertEquals("2026-11-26T06:09:44", suite.getAttribute("timestamp"), "the xsd's pattern: seconds, no zone");
        assertEquals("ci-runner-7", suite.getAttribute("hostname"));

        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element passed = (Element) cases.item(0);
        assertEquals("uringdio.ext4", passed.getAttribute("classname"));
        assertEquals("ext4 16K x4 ALL INLINE qd1", passed.getAttribute("name"));
        assertEquals("12.500", passed.getAttribute("time"));
        assertEquals(0, passed.getElementsByTagName("failure").getLength());
    }

    @Test
    void aRegressionIsAFailureWithItsMessageAndAwkwardTextSurvives() throws Exception {
        Element failed = (Element) write(CASES).getElementsByTagName("testcase").item(1);
        assertEquals(AWKWARD, failed.getAttribute("name"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        String message = CASES.get(1).failureMessage();
        assertEquals(message, failure.getAttribute("message"));
        assertEquals("REGRESSION", failure.getAttribute("type"));
        assertEquals(message, failure.getTextContent());
    }

    @Test
    void charactersXmlCannotHoldAreReplacedAndTheReportStillParses() throws Exception {
        String colored = "\u001b[31mshort read\u001b[0m on btrfs\u0000";
        Element failure = (Element) write(List.of(TestCaseResult.failed("c", "n", 1, colored, "FINDING")))
                .getElementsByTagName("failure").item(0);
        assertEquals("\uFFFD[31mshort read\uFFFD[0m on btrfs\uFFFD", failure.getAttribute("message"));
        assertEquals("\uFFFD[31mshort read\uFFFD[0m on btrfs\uFFFD", failure.getTextContent());
    }

    @Test
    void writesAFileWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junit.xml");
        JunitXml.write("suite", CASES, WHEN, "host", file);
        assertTrue(Files.readString(file).startsWith("<?xml"));
        assertEquals(2, parse(Files.readAllBytes(file)).getElementsByTagName("testcase").getLength());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }
}
