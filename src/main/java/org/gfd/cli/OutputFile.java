package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.gfd.error.InputException;

/**
 * A file a user named for a result ({@code --output}, {@code --plot}), written the way a careful
 * user expects:
 * <ul>
 *   <li>symbolic links are followed to their target (the link stays a link);</li>
 *   <li>a regular file (or a new one) is written to a temporary file in the same directory and
 *       renamed over it, so that readers never see half a file; the result has the mode, owner
 *       and group an ordinary {@code open} would leave: the existing file's, or for a new file the
 *       default mode under the umask;</li>
 *   <li>a regular file with several hard links, or one whose owner cannot be kept, or one in a
 *       directory where no temporary file can be made, is rewritten in place, as an ordinary
 *       {@code open} would;</li>
 *   <li>anything that is not a regular file (a device such as {@code /dev/null}, a FIFO) is
 *       opened and written directly, never replaced;</li>
 *   <li>{@code -} is standard output.</li>
 * </ul>
 * Failures are {@link InputException}s naming the user's path and the system's reason.
 */
final class OutputFile {
  /** Symbolic links followed at most, as the kernel's own limit ({@code ELOOP}). */
  private static final int MAX_LINKS = 40;
  /** The permission bits of a mode (with set-id and sticky bits), without the file type. */
  private static final int PERMISSION_BITS = 07777;
  /** Attempts at a fresh temporary name before giving up. */
  private static final int TEMP_ATTEMPTS = 100;

  private final String option;
  private final String name;
  private final Path path;

  private OutputFile(String option, String name, Path path) {
    this.option = option;
    this.name = name;
    this.path = path;
  }

  /**
   * The file {@code name} given to {@code option}; {@code -} is standard output.
   *
   * @throws InputException when {@code name} is not a possible path
   */
  static OutputFile of(String option, String name) {
    Objects.requireNonNull(name);
    if (name.equals("-")) {
      return new OutputFile(option, name, null);
    }
    if (name.isEmpty()) {
      throw new InputException(option + " needs a file name (or - for standard output)");
    }
    try {
      return new OutputFile(option, name, Path.of(name));
    } catch (InvalidPathException e) {
      throw new InputException("cannot write " + quote(name) + " (" + option + "): not a possible file name");
    }
  }

  /** Whether this is standard output. */
  boolean isStandardOutput() {
    return path == null;
  }

  /** Writes the final {@code text} here, or to {@code out} when this is standard output. */
  void emit(String text, PrintWriter out) {
    if (isStandardOutput()) {
      out.print(text);
      out.flush();
    } else {
      write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The name as the user wrote it. */
  String name() {
    return name;
  }

  /** The file extension, lower case, without the dot; empty when there is none. */
  String extension() {
    int dot = name.lastIndexOf('.');
    return dot < 0 || name.indexOf('/', dot) >= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the result can be rewritten here as it grows (a checkpoint): a regular file or a new
   * one, not standard output, a device or a FIFO.
   */
  boolean isRewritable() {
    if (path == null) {
      return false;
    }
    try {
      Optional<BasicFileAttributes> attrs = attributes(target());
      return attrs.isEmpty() || attrs.get().isRegularFile();
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether this and {@code other} name the same file (after following links). */
  boolean isSameFileAs(OutputFile other) {
    if (path == null || other.path == null) {
      return path == null && other.path == null;
    }
    try {
      Path a = target().toAbsolutePath().normalize();
      Path b = other.target().toAbsolutePath().normalize();
      if (a.equals(b)) {
        return true;
      }
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes {@code content} (not to standard output: the caller prints that).
   *
   * @throws InputException naming this file and the reason when it cannot be written
   */
  void write(byte[] content) {
    if (path == null) {
      throw new IllegalStateException("standard output is written by the caller");
    }
    try {
      Path target = target();
      Optional<BasicFileAttributes> attrs = attributes(target);
      if (attrs.isPresent() && attrs.get().isDirectory()) {
        throw fail("is a directory");
      }
      if (attrs.isPresent() && !attrs.get().isRegularFile()) {
        writeInPlace(target, content);
        return;
      }
      Path dir = target.toAbsolutePath().getParent();
      if (attrs.isEmpty() && !Files.isDirectory(dir)) {
        throw fail(Files.exists(dir) ? "not a directory: " + quote(dir.toString()) : "no such directory: "
            + quote(dir.toString()));
      }
      if (attrs.isPresent() && linkCount(target) > 1) {
        writeInPlace(target, content);
        return;
      }
      replace(target, dir, attrs.isPresent(), content);
    } catch (IOException e) {
      throw fail(reason(e));
    }
  }

  /** The path with every symbolic link on it followed (the file itself need not exist). */
  private Path target() throws IOException {
    Path p = path;
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(p)) {
        return p;
      }
      Path link = Files.readSymbolicLink(p);
      Path parent = p.toAbsolutePath().getParent();
      p = parent == null ? link : parent.resolve(link);
    }
    throw new FileSystemException(name, null, "too many levels of symbolic links");
  }

  private static Optional<BasicFileAttributes> attributes(Path p) throws IOException {
    try {
      return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static int linkCount(Path p) throws IOException {
    return ((Number) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
  }

  /** Opens {@code target} for writing, truncating a regular file, and writes: what an ordinary {@code open} does. */
  private static void writeInPlace(Path target, byte[] content) throws IOException {
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(content);
    }
  }

  /** Writes a temporary file beside {@code target}, gives it the target's mode and owner, and renames it over. */
  private void replace(Path target, Path dir, boolean exists, byte[] content) throws IOException {
    Path tmp;
    try {
      tmp = createTemporary(dir, target.getFileName().toString());
    } catch (IOException e) {
      if (exists) {
        writeInPlace(target, content); // the directory is closed to new files; the file may not be
        return;
      }
      throw e;
    }
    boolean moved = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      if (exists && !keepModeAndOwner(target, tmp)) {
        writeInPlace(target, content);
        return;
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** A new empty file in {@code dir}, created with the default mode under the umask (as {@code open} would). */
  private static Path createTemporary(Path dir, String base) throws IOException {
    IOException last = null;
    for (int i = 0; i < TEMP_ATTEMPTS; i++) {
      Path tmp = dir.resolve("." + base + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Gives {@code tmp} the permissions, owner and group of {@code target}; false when the owner or
   * group cannot be given (then the file must be written in place to keep them).
   */
  private static boolean keepModeAndOwner(Path target, Path tmp) throws IOException {
    Map<String, Object> want = Files.readAttributes(target, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    Map<String, Object> have = Files.readAttributes(tmp, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
    try {
      if (!want.get("uid").equals(have.get("uid"))) {
        Files.setAttribute(tmp, "unix:uid", want.get("uid"), LinkOption.NOFOLLOW_LINKS);
      }
      if (!want.get("gid").equals(have.get("gid"))) {
        Files.setAttribute(tmp, "unix:gid", want.get("gid"), LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      return false;
    }
    Files.setAttribute(tmp, "unix:mode", (Integer) want.get("mode") & PERMISSION_BITS, LinkOption.NOFOLLOW_LINKS);
    return true;
  }

  private InputException fail(String reason) {
    return new InputException("cannot write " + quote(name) + " (" + option + "): " + reason);
  }

  /** The system's reason for a failed operation, without the paths (which may be a temporary file's). */
  private static String reason(IOException e) {
    String r = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
    if (r == null || r.isBlank()) {
      r = e instanceof AccessDeniedException ? "permission denied"
          : e instanceof NoSuchFileException ? "no such file or directory" : e.getClass().getSimpleName();
    }
    return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
  }
}
