package org.citygrants.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.citygrants.language.Languages;
import org.citygrants.language.ReaderLanguage;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the engine REST API's answers that Tasklist shows (forms, tasks, process definitions,
 * filters: {@link EngineAnswers}) into the reader's language on their way out, on both copies of
 * the API ({@code /engine-rest} and the webapps' {@code /camunda/api/engine/engine/<name>}).
 *
 * <p>The language is the reader's ({@link ReaderLanguage}), asked when the engine starts writing its
 * answer, while the request's user is still known. An English reader's answer is not touched: it
 * goes out as the engine writes it, byte for byte. Another reader's is held until complete, then
 * translated (a JSON answer with status 200 only; anything else goes out as written).
 */
public class TranslatedEngineAnswersFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "POST");

  private final EngineAnswers answers;
  /** The roots of the engine REST API's copies, e.g. {@code /engine-rest}, {@code /camunda/api/engine/engine/}. */
  private final List<String> roots;

  public TranslatedEngineAnswersFilter(EngineAnswers answers, List<String> roots) {
    this.answers = answers;
    this.roots = roots;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineAnswers.Kind> kind = READS.contains(request.getMethod()) ? pathUnderRoot(request).flatMap(EngineAnswers::kindOf)
        : Optional.empty();
    if (kind.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    HeldAnswer held = new HeldAnswer(response);
    chain.doFilter(request, held);
    held.release(kind.get());
  }

  /** The path under one of the API's roots; for the webapps' copy, after the engine's name. */
  Optional<String> pathUnderRoot(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length()).replaceAll("/{2,}", "/");
    for (String root : roots) {
      if (path.startsWith(root)) {
        String under = path.substring(root.length());
        if (root.endsWith("/engine/")) {
          int slash = under.indexOf('/');
          under = slash < 0 ? "" : under.substring(slash + 1); // the engine's name
        }
        return Optional.of(under);
      }
    }
    return Optional.empty();
  }

  /**
   * The response as the engine writes it: straight through for an English reader, held back for
   * the others. Decided at the first sign of a body (its length, its stream), while the request
   * still knows its user.
   */
  private final class HeldAnswer extends HttpServletResponseWrapper {
    private Locale language;
    private ByteArrayOutputStream body;
    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldAnswer(HttpServletResponse response) {
      super(response);
    }

    private boolean holding() {
      if (language == null) {
        language = ReaderLanguage.current();
        if (!Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
          body = new ByteArrayOutputStream();
        }
      }
      return body != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding()) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            body.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            body.write(b, off, len);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("the answer is held to be translated");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset()));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      if (!holding()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!holding()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && holding())) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && holding())) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!(HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && holding())) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holding()) {
        super.flushBuffer();
      }
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    }

    /** Sends what was held, translated when it is a successful JSON answer. */
    void release(EngineAnswers.Kind kind) throws IOException {
      if (body == null) {
        return; // nothing held: it went out as written
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] answer = body.toByteArray();
      if (answer.length == 0) {
        return; // nothing written (an error the container answers itself)
      }
      String type = getContentType();
      if (getStatus() == HttpServletResponse.SC_OK
          && (kind == EngineAnswers.Kind.FORM || type == null || type.toLowerCase(Locale.ROOT).contains("json"))) {
        answer = answers.translate(kind, answer, language);
      }
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setContentLength(answer.length);
      response.getOutputStream().write(answer);
    }
  }
}
