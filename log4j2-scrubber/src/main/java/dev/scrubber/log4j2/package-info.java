/**
 * Log4j2 plugins that mask credentials before anything is written: {@link dev.scrubber.log4j2.ScrubbingPolicy}
 * for the {@code <Rewrite>} appender, {@link dev.scrubber.log4j2.ScrubbingLayout} around any layout, and the
 * {@code %scrub{...}} pattern converter ({@link dev.scrubber.log4j2.ScrubPatternConverter}). Log4j finds them
 * through the {@code Log4j2Plugins.dat} descriptor in this jar; no {@code packages} attribute is needed.
 */
package dev.scrubber.log4j2;
