package org.citygrants.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.citygrants.language.LanguagePreferences;
import org.citygrants.language.Words;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Who is told about a task, with the e-mail address the Camunda identity service holds for
 * them. Lookups run without authorisation checks: a city user completing a task may not read
 * the officers' profiles, yet the officers must still be told about the next task.
 */
@Component
public class NotificationRecipients {

  /**
   * A person to notify; {@code via} says why: "assignee", the name of the candidate group, or
   * null for a candidate user.
   */
  public record Recipient(String userId, String firstName, String email, String via, Locale language) {

    public String greeting() {
      return Words.say(language, "mail.greeting", StringUtils.hasText(firstName) ? firstName.trim() : userId);
    }

    /** A text of the mails in this person's language. */
    public String say(String key, Object... args) {
      return Words.say(language, key, args);
    }
  }

  public static final String ASSIGNEE = "assignee";

  private final IdentityService identityService;
  private final LanguagePreferences languages;

  public NotificationRecipients(IdentityService identityService, LanguagePreferences languages) {
    this.identityService = identityService;
    this.languages = languages;
  }

  /** The language to write to this user in: their choice, else English. */
  public Locale languageOf(String userId) {
    return withoutAuthorization(() -> languages.forRecipient(userId));
  }

  /** The user with an e-mail address, if they exist and have one. */
  public Optional<Recipient> user(String userId, String via) {
    if (!StringUtils.hasText(userId)) {
      return Optional.empty();
    }
    User user = withoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
    return Optional.ofNullable(user).filter(u -> StringUtils.hasText(u.getEmail()))
        .map(u -> new Recipient(u.getId(), u.getFirstName(), u.getEmail().trim(), via, languageOf(u.getId())));
  }

  /** The e-mail address of a user, if any. */
  public Optional<String> email(String userId) {
    return user(userId, ASSIGNEE).map(Recipient::email);
  }

  /**
   * The candidates of a task: candidate users and the members of candidate groups, each once,
   * skipping those without an e-mail address.
   */
  public List<Recipient> candidates(Collection<? extends IdentityLink> links) {
    Map<String, Recipient> byUser = new LinkedHashMap<>();
    for (IdentityLink link : links) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        user(link.getUserId(), null).ifPresent(r -> byUser.putIfAbsent(r.userId(), r));
      }
      if (link.getGroupId() != null) {
        String groupName = groupName(link.getGroupId());
        List<User> members = withoutAuthorization(
            () -> identityService.createUserQuery().memberOfGroup(link.getGroupId()).list());
        members.stream().filter(u -> StringUtils.hasText(u.getEmail()))
            .forEach(u -> {
              Locale language = languageOf(u.getId());
              byUser.putIfAbsent(u.getId(), new Recipient(u.getId(), u.getFirstName(), u.getEmail().trim(),
                  Words.groupName(link.getGroupId(), groupName, language), language));
            });
      }
    }
    return List.copyOf(byUser.values());
  }

  /**
   * Every member of a group (a city team), each with their address when they have one (else
   * {@code email} is null: the notice is then only recorded).
   */
  public List<Recipient> members(String groupId) {
    String groupName = groupName(groupId);
    return withoutAuthorization(() -> identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())
        .stream().map(u -> new Recipient(u.getId(), u.getFirstName(),
            StringUtils.hasText(u.getEmail()) ? u.getEmail().trim() : null, groupName, languageOf(u.getId())))
        .toList();
  }

  /** The display name of a user ("First Last"), or the id. */
  public String displayName(String userId) {
    User user = withoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  private String groupName(String groupId) {
    Group group = withoutAuthorization(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || !StringUtils.hasText(group.getName()) ? groupId : group.getName();
  }

  /** Inside an engine command (a task listener) the caller's authorisations would apply. */
  private static <T> T withoutAuthorization(Supplier<T> query) {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext == null ? query.get() : commandContext.runWithoutAuthorization(query::get);
  }
}
