package uringdio.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import uringdio.fixture.SectorPattern;

/**
 * The one-pass check finds every wrong byte the describing check finds, wherever it is: speed
 * must not cost detection. Buffers here are filled in memory, no I/O.
 */
class OnePassCheckTest {

    private static final int READ = 16384;
    private static final long FILE = SectorPattern.fileId("one-pass-check");
    private static final long OFFSET = 3L * READ;

    private static ByteBuffer rightRead() {
        ByteBuffer buf = ByteBuffer.allocateDirect(READ).order(ByteOrder.nativeOrder());
        SectorPattern.fill(buf, 0, FILE, OFFSET, READ);
        return buf;
    }

    private static ReadCheck.Outcome check(ByteBuffer buf, Findings findings) {
        return new ReadCheck("btrfs", FILE, 1L << 20, false, findings).check(READ, OFFSET, READ, buf);
    }

    @Test
    void aRightReadPasses() {
        Findings findings = new Findings("test");
        assertEquals(ReadCheck.Outcome.OK, check(rightRead(), findings));
        assertEquals(0, findings.count());
    }

    @Test
    void aFlippedBitAnywhereIsFound() {
        for (int at = 0; at < READ; at += 37) { // every word position within a sector, over all sectors
            ByteBuffer buf = rightRead();
            buf.put(at, (byte) (buf.get(at) ^ 1));
            Findings findings = new Findings("test");
            assertEquals(ReadCheck.Outcome.DATA, check(buf, findings), "a flipped bit at " + at);
            assertTrue(findings.kept().get(0).contains("at buffer offset " + at / SectorPattern.SECTOR * SectorPattern.SECTOR),
                    findings.kept().get(0));
        }
    }

    @Test
    void theFirstAndLastBytesOfTheFirstAndLastSectorsAreChecked() {
        for (int at : new int[] {0, SectorPattern.SECTOR - 1, READ - SectorPattern.SECTOR, READ - 1}) {
            ByteBuffer buf = rightRead();
            buf.put(at, (byte) ~buf.get(at));
            assertEquals(ReadCheck.Outcome.DATA, check(buf, new Findings("test")), "a changed byte at " + at);
        }
    }

    @Test
    void aSectorOfAnotherOffsetIsNamed() {
        ByteBuffer buf = rightRead();
        SectorPattern.fill(buf, READ - SectorPattern.SECTOR, FILE, OFFSET + READ, SectorPattern.SECTOR);
        Findings findings = new Findings("test");
        assertEquals(ReadCheck.Outcome.DATA, check(buf, findings));
        assertTrue(findings.kept().get(0).endsWith("found the sector of this file at offset " + (OFFSET + READ) + "; test"),
                findings.kept().get(0));
    }

    @Test
    void aSectorOfAnotherFileIsNamed() {
        ByteBuffer buf = rightRead();
        long other = SectorPattern.fileId("another file");
        SectorPattern.fill(buf, 0, other, OFFSET, SectorPattern.SECTOR);
        Findings findings = new Findings("test");
        assertEquals(ReadCheck.Outcome.DATA, check(buf, findings));
        assertTrue(findings.kept().get(0).contains("another file (id " + Long.toHexString(other) + ")"), findings.kept().get(0));
    }

    @Test
    void zerosWhereTheReadNeverWroteAreNamed() {
        ByteBuffer buf = rightRead();
        for (int i = 4096; i < 8192; i++) {
            buf.put(i, (byte) 0);
        }
        Findings findings = new Findings("test");
        assertEquals(ReadCheck.Outcome.DATA, check(buf, findings));
        assertTrue(findings.kept().get(0).contains("at buffer offset 4096") && findings.kept().get(0).contains("zeros"),
                findings.kept().get(0));
    }
}
