package uringdio.export;

/**
 * One test case of a JUnit XML report: one scenario, passed or failed with a message (a
 * regression, a short read, a wrong byte). {@code failureMessage} and {@code failureType} are
 * null when it passed.
 */
public record TestCaseResult(String className, String name, double seconds, String failureMessage, String failureType) {

    public TestCaseResult {
        if (className == null || className.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a test case needs a class name and a name");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("a test case takes 0 seconds or more, not " + seconds);
        }
        if (failureMessage == null && failureType != null) {
            throw new IllegalArgumentException("a failure type without a failure message: " + name);
        }
    }

    public static TestCaseResult passed(String className, String name, double seconds) {
        return new TestCaseResult(className, name, seconds, null, null);
    }

    public static TestCaseResult failed(String className, String name, double seconds, String message, String type) {
        return new TestCaseResult(className, name, seconds, message, type);
    }

    public boolean isFailure() {
        return failureMessage != null;
    }
}
