package org.citygrants.querytuning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mechanism shared by the rewrites of an engine query on PostgreSQL
 * ({@link TaskQueryExistsAuthorization}, {@link VariableQueryExistsAuthorization}): at start-up,
 * read the engine's own MyBatis mapping, let the subclass rewrite its statements into a template
 * of ours ({@link #rewrite}, which fails when the engine's mapping does not have the expected
 * shape), register the result with the engine's MyBatis configuration and map the engine's
 * statements to ours. When anything fails (another engine version), a warning is logged and the
 * engine's statements stay in use. On other databases nothing changes.
 */
public abstract class EngineStatementRewrite extends AbstractProcessEnginePlugin {

  private final Logger log = LoggerFactory.getLogger(getClass());

  private final String engineMapping;
  private final String template;
  private final String namespace;
  private final Map<String, String> statements;
  private final String what;

  /**
   * @param engineMapping the engine's mapping read at start-up (a class path resource)
   * @param template our mapping with a place for the engine's statements (a class path resource)
   * @param namespace our mapping's namespace
   * @param statements the engine's statement names and ours that replace them
   * @param what what keeps the engine's statements when the rewrite fails, for the warning
   */
  protected EngineStatementRewrite(String engineMapping, String template, String namespace,
      Map<String, String> statements, String what) {
    this.engineMapping = engineMapping;
    this.template = template;
    this.namespace = namespace;
    this.statements = statements;
    this.what = what;
  }

  /** The template with the engine's statements in it, rewritten; fails when the engine's shape differs. */
  protected abstract String rewrite(String engine, String template);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    try {
      String first = statements.values().iterator().next(); // ours are registered together: one tells
      if (!mybatis.hasStatement(namespace + "." + first)) {
        String mapper = rewrite(read(engineMapping), read(template));
        try (InputStream in = new ByteArrayInputStream(mapper.getBytes(StandardCharsets.UTF_8))) {
          new XMLMapperBuilder(in, mybatis, template, mybatis.getSqlFragments()).parse();
        }
      }
      switchStatements(configuration.getDbSqlSessionFactory(), statements, true);
    } catch (RuntimeException | IOException e) { // a mapping MyBatis cannot parse included
      log.warn("{} keep the engine's authorisation join: {}", what, e.toString());
    }
  }

  /** Maps the engine's statements to ours ({@code on}) or back to the engine's own. */
  static void switchStatements(DbSqlSessionFactory factory, Map<String, String> statements, boolean on) {
    Map<String, String> mappings = factory.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(factory.getStatementMappings());
    statements.forEach((engine, ours) -> {
      if (on) {
        mappings.put(engine, ours);
      } else {
        mappings.remove(engine);
      }
    });
    factory.setStatementMappings(mappings);
  }

  /** The element {@code <tag id="id" ...>...</tag>} of a mapper (these elements do not nest). */
  static String element(String mapper, String tag, String id) {
    int start = mapper.indexOf("<" + tag + " id=\"" + id + "\"");
    int end = start < 0 ? -1 : mapper.indexOf("</" + tag + ">", start);
    if (start < 0 || end < 0) {
      throw new IllegalStateException("the engine's mapping has no <" + tag + " id=\"" + id + "\">");
    }
    return mapper.substring(start, end + tag.length() + 3);
  }

  /** How often {@code part} occurs in {@code text}, without overlaps. */
  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  /** {@code text} with its one {@code marker} replaced; fails when the template has none or several. */
  static String fill(String template, String templateName, String marker, String content) {
    if (count(template, marker) != 1) {
      throw new IllegalStateException(templateName + " has no single place " + marker);
    }
    return template.replace(marker, content);
  }

  static String read(String resource) throws IOException {
    try (InputStream in = EngineStatementRewrite.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
