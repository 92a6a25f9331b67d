package io.jenkins.plugins.securepipeline.window;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator with one span of look-ahead; subclasses compute the next span or null when there is none. */
abstract class SpanIterator implements Iterator<TimeSpan> {
    private TimeSpan next;
    private boolean done;

    /** The next span in start order, or null when exhausted. */
    protected abstract TimeSpan computeNext();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = computeNext();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final TimeSpan next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TimeSpan result = next;
        next = null;
        return result;
    }
}
