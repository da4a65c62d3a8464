package dev.scrubber.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file through a temporary file in the same directory and renames it over the target only when
 * complete, so readers never see a half-written file and a failure leaves the target untouched.
 */
final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean committed;

    AtomicFile(Path target) {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".scrubbing");
            temp.toFile().deleteOnExit(); // interrupted with Ctrl-C: leave no temporary file behind
            channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new UserError(dir + ": permission denied (cannot create a file next to " + target.getFileName() + ")");
        } catch (IOException e) {
            throw new UserError(target + ": cannot write (" + e.getMessage() + ")");
        }
    }

    /** The stream to write the new content to; closing it does not commit. */
    OutputStream stream() {
        return new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Syncs the new content, gives it the target's permissions if it exists, and renames it over the target. */
    void commit() throws IOException {
        channel.force(true);
        channel.close();
        if (Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the new file keeps default permissions
            }
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Drops the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temp);
        }
    }
}
