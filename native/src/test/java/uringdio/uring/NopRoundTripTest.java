package uringdio.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uringdio.testing.Require;

/** NOPs through the binding: the SQ and CQ bookkeeping, without any file or device in the way. */
class NopRoundTripTest {

    @BeforeEach
    void needIoUring() {
        Require.ioUring();
    }

    @Test
    void eachNopComesBackWithItsUserData() {
        try (IoUring ring = IoUring.builder().entries(4).build()) {
            // More round trips than ring slots: the SQ tail and CQ head wrap several times.
            for (long i = 0; i < 1000; i++) {
                ring.nextSqe().prepNop().userData(0xC0FFEE00L + i);
                assertEquals(1, ring.submitAndWait(1));
                assertEquals(0, ring.peek(), "NOP result");
                assertEquals(0xC0FFEE00L + i, ring.peekUserData());
                ring.advance(1);
                assertEquals(0, ring.ready());
            }
        }
    }

    @Test
    void aBatchIsSubmittedInOneCallAndReapedInOrder() {
        try (IoUring ring = IoUring.builder().entries(8).build()) {
            for (int i = 0; i < 8; i++) {
                ring.nextSqe().prepNop().userData(i);
            }
            assertEquals(8, ring.pendingSubmissions());
            assertEquals(8, ring.submit());
            assertEquals(0, ring.pendingSubmissions());
            ring.waitCompletions(8);
            List<Long> seen = new ArrayList<>();
            assertEquals(8, ring.reap((userData, res, flags) -> {
                assertEquals(0, res);
                seen.add(userData);
            }, 64));
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), seen);
            assertEquals(Integer.MIN_VALUE, ring.peek(), "nothing left to peek");
        }
    }

    @Test
    void aFullSubmissionQueueIsAnErrorNotAnOverwrite() {
        try (IoUring ring = IoUring.builder().entries(2).build()) {
            ring.nextSqe().prepNop();
            ring.nextSqe().prepNop();
            IllegalStateException e = assertThrows(IllegalStateException.class, ring::nextSqe);
            assertTrue(e.getMessage().contains("submission queue full"));
        }
    }

    @Test
    void asyncNopsCompleteThroughIoWq() {
        try (IoUring ring = IoUring.builder().entries(4).build()) {
            ring.nextSqe().prepNop().flags(Opcode.IOSQE_ASYNC).userData(42);
            ring.submitAndWait(1);
            assertEquals(0, ring.peek());
            assertEquals(42, ring.peekUserData());
            ring.advance(1);
        }
    }

    @Test
    void theProbeListsTheOpcodesTheSuiteUses() {
        try (IoUring ring = IoUring.builder().entries(2).build()) {
            Probe probe = ring.probe();
            for (int op : new int[] {Opcode.NOP, Opcode.READV, Opcode.READ_FIXED, Opcode.READ}) {
                assertTrue(probe.supports(op), Opcode.name(op));
            }
            assertTrue(probe.lastOp() >= Opcode.READ);
        }
    }

    @Test
    void preferredFlagsAreTakenOrDeclinedNeverLost() {
        EnumSet<SetupFlag> preferred = EnumSet.of(SetupFlag.COOP_TASKRUN, SetupFlag.SINGLE_ISSUER, SetupFlag.DEFER_TASKRUN);
        try (IoUring ring = IoUring.builder().entries(4).prefer(SetupFlag.COOP_TASKRUN, SetupFlag.DEFER_TASKRUN).build()) {
            EnumSet<SetupFlag> accounted = EnumSet.copyOf(ring.setupFlags());
            accounted.addAll(ring.declinedFlags());
            assertEquals(preferred, accounted);
            // DEFER_TASKRUN rings only run completions when the submitter waits: a NOP still comes back.
            ring.nextSqe().prepNop().userData(7);
            ring.submitAndWait(1);
            assertEquals(7, ring.peekUserData());
            ring.advance(1);
        }
    }

    @Test
    void sqpollRingsSubmitWithoutTheSubmitterEnteringTheKernelForEachSqe() {
        Require.root(); // SQPOLL needs CAP_SYS_NICE before 5.13, root is the portable answer
        try (IoUring ring = IoUring.builder().entries(4).require(SetupFlag.SQPOLL).sqThreadIdleMillis(50).build()) {
            assertTrue(ring.setupFlags().contains(SetupFlag.SQPOLL));
            for (int i = 0; i < 100; i++) {
                ring.nextSqe().prepNop().userData(i);
                ring.submit();
                ring.waitCompletions(1);
                assertEquals(i, ring.peekUserData());
                ring.advance(1);
            }
        }
    }
}
