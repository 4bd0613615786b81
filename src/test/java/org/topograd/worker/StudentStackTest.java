package org.topograd.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one stack-trimming rule, for a thrown exception and for a live thread's stack. */
class StudentStackTest {
    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1)
                + ".java", 7);
    }

    @Test
    void anExceptionsStackEndsWhereTheWorkerOrItsReflectionCalledIn() {
        StackTraceElement[] trace = {frame("p.Mul", "forward"), frame("p.Helper", "times"),
                frame("jdk.internal.reflect.NativeConstructorAccessorImpl", "newInstance"),
                frame("org.topograd.worker.Runner", "build")};
        assertEquals(List.of(trace[0].toString(), trace[1].toString()), StudentStack.thrown(trace));
    }

    @Test
    void aLiveStackLeavesOutTheJvmsExitFramesButNotReflection() {
        StackTraceElement[] trace = {frame("java.lang.Thread", "getStackTrace"), frame("java.lang.System", "exit"),
                frame("p.Exp", "forward"), frame("java.lang.reflect.Constructor", "newInstance"),
                frame("org.topograd.worker.Runner", "forward")};
        assertEquals(List.of(trace[2].toString(), trace[3].toString()), StudentStack.running(trace));
    }

    @Test
    void aDeepStackIsCutAtEightFramesEachWayWithItsOwnMark() {
        List<StackTraceElement> deep = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deep.add(frame("p.Chain", "backward" + i));
        }
        StackTraceElement[] trace = deep.toArray(new StackTraceElement[0]);
        List<String> thrown = StudentStack.thrown(trace);
        assertEquals(9, thrown.size());
        assertEquals("... 12 more", thrown.get(8));
        List<String> running = StudentStack.running(trace);
        assertEquals(9, running.size());
        assertEquals("...", running.get(8));
        assertEquals(trace[7].toString(), running.get(7));
    }
}
