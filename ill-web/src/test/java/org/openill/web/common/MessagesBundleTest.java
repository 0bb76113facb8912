package org.openill.web.common;

import org.junit.jupiter.api.Test;
import org.openill.application.reader.SignInOutcome;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's texts exist in both languages, for every state, step, service and condition a page names. */
class MessagesBundleTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(Texts.BUNDLE, Locale.ENGLISH);
    private static final ResourceBundle CHINESE = ResourceBundle.getBundle(Texts.BUNDLE, Locale.SIMPLIFIED_CHINESE);

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(new TreeSet<>(ENGLISH.keySet()), new TreeSet<>(CHINESE.keySet()));
    }

    @Test
    void everyValueAPageNamesHasATextInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (RequestState state : RequestState.values()) {
            keys.add("state." + state.name());
        }
        for (RequestAction action : RequestAction.values()) {
            keys.add("action." + action.name());
        }
        for (ServiceType service : ServiceType.values()) {
            keys.add("service." + service.name());
        }
        for (LoanCondition condition : LoanCondition.values()) {
            keys.add("condition." + condition.name());
        }
        for (org.openill.domain.catalogue.RecordFormat format : org.openill.domain.catalogue.RecordFormat.values()) {
            keys.add("format." + format.name());
        }
        for (org.openill.domain.request.BibliographicDescription.Gap gap
                : org.openill.domain.request.BibliographicDescription.Gap.values()) {
            keys.add("refusal.gap." + gap.name());
        }
        for (org.openill.domain.reader.ReaderCategory category : org.openill.domain.reader.ReaderCategory.values()) {
            keys.add("category." + category.name());
        }
        for (ServiceType service : List.of(ServiceType.LOAN, ServiceType.COPY)) {
            keys.add("refusal.ownLibrary." + service.name());
        }
        for (org.openill.domain.lending.SupplierState state : org.openill.domain.lending.SupplierState.values()) {
            keys.add("lendingState." + state.name());
        }
        for (org.openill.domain.lending.SupplierAction action : org.openill.domain.lending.SupplierAction.values()) {
            keys.add("lendingAction." + action.name());
        }
        for (org.openill.domain.fee.FeeKind kind : org.openill.domain.fee.FeeKind.values()) {
            keys.add("fee." + kind.name());
        }
        for (org.openill.domain.protocol.OutboundMessage.State state
                : org.openill.domain.protocol.OutboundMessage.State.values()) {
            keys.add("delivery." + state.name());
        }
        for (org.openill.application.staff.Queue queue : org.openill.application.staff.Queue.values()) {
            keys.add("queue.tab." + queue.tab());
            keys.add("queue.about." + queue.tab());
        }
        for (org.openill.domain.agreement.AgreementStatus status
                : org.openill.domain.agreement.AgreementStatus.values()) {
            keys.add("agreements.status." + status.name());
        }
        for (org.openill.domain.library.LibraryStatus status : org.openill.domain.library.LibraryStatus.values()) {
            keys.add("partners.status." + status.name());
        }
        for (org.openill.domain.staff.StaffRole role : org.openill.domain.staff.StaffRole.values()) {
            keys.add("staff.role." + role.name());
        }
        for (SignInOutcome.Why why : SignInOutcome.Why.values()) {
            keys.add("signin.refused." + why.name());
        }
        for (String key : keys) {
            assertTrue(ENGLISH.containsKey(key), "no English text for " + key);
            assertTrue(CHINESE.containsKey(key), "no Chinese text for " + key);
        }
    }

    @Test
    void noTextWithValuesHasALoneApostropheWhichWouldHideThem() {
        for (ResourceBundle bundle : List.of(ENGLISH, CHINESE)) {
            for (String key : bundle.keySet()) {
                String text = bundle.getString(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertTrue(!text.replace("''", "").contains("'"), "a lone ' in " + key + " hides its values: " + text);
                }
            }
        }
    }

    @Test
    void theChineseTextsAreChineseNotCopiesOfTheEnglishOnes() {
        Set<String> sameInBoth = Set.of("app.name", "language.en", "language.zh");
        for (String key : ENGLISH.keySet()) {
            if (!sameInBoth.contains(key)) {
                assertNotEquals(ENGLISH.getString(key), CHINESE.getString(key), "not translated: " + key);
            }
        }
    }

    @Test
    void valuesAreFilledInInTheLanguageAsked() {
        assertEquals("Library card NUL-1 is blocked: fees. Please contact your library.",
                Texts.of(Locale.ENGLISH, "signin.refused.BLOCKED", "NUL-1", "fees"));
        assertEquals("借书证 NUL-1 已被冻结：fees。请联系您的图书馆。",
                Texts.of(Locale.SIMPLIFIED_CHINESE, "signin.refused.BLOCKED", "NUL-1", "fees"));
    }

    @Test
    void aRefusalOfTheServicesIsSaidInTheLanguageWithTheNamesInItTranslatedToo() {
        org.openill.domain.IllException duplicate = new org.openill.domain.IllRuleViolation("You already have ...")
                .says("duplicate", 12, "Dream of the Red Chamber");
        assertEquals("您已有一个关于“Dream of the Red Chamber”的进行中的请求（编号 12）。",
                Texts.refusal(duplicate, Locale.SIMPLIFIED_CHINESE));
        assertEquals("You already have an open request (number 12) for \"Dream of the Red Chamber\".",
                Texts.refusal(duplicate, Locale.ENGLISH));

        org.openill.domain.IllException tooLong = org.junit.jupiter.api.Assertions.assertThrows(
                org.openill.domain.InvalidInputException.class,
                () -> org.openill.domain.Text.optional("note", "x".repeat(11), 10));
        assertEquals("留言过长：最多 10 个字符，现有 11 个。", Texts.refusal(tooLong, Locale.SIMPLIFIED_CHINESE));

        org.openill.domain.IllException notNow = new org.openill.domain.request.IllegalTransitionException(
                RequestState.LOANED, RequestAction.CANCEL);
        assertEquals("现在不能进行此操作（已申请取消）：请求的进展为“您正在借阅”。", Texts.refusal(notNow, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aRefusalWithoutItsOwnTextIsItsEnglishMessage() {
        org.openill.domain.IllException plain = new org.openill.domain.IllRuleViolation("Something only said in English");
        assertEquals("Something only said in English", Texts.refusal(plain, Locale.SIMPLIFIED_CHINESE));
    }
}
