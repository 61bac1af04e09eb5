package org.attune.webui.operator.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.EmailField;
import org.attune.webui.operator.OperatorDesk;
import org.attune.webui.security.Caller;

/** Find an account by email and suspend or reinstate it. */
class AccountStandingSection extends Section {

    final EmailField email = new EmailField();
    final Button find = new Button();
    final Paragraph result = new Paragraph();
    final Button suspend = new Button();
    final Button reinstate = new Button();

    private final OperatorDesk desk;
    private final Caller operator;
    private final Runnable afterChange;
    private OperatorDesk.AccountSummary found;

    AccountStandingSection(OperatorDesk desk, Caller operator, Runnable afterChange) {
        this.desk = desk;
        this.operator = operator;
        this.afterChange = afterChange;
        setId("account-standing");
        email.setLabel(getTranslation("operator.standing.email"));
        find.setText(getTranslation("operator.standing.find"));
        find.addClickListener(e -> find());
        suspend.setText(getTranslation("operator.standing.suspend"));
        suspend.addClickListener(e -> act(() -> desk.suspend(operator, found.accountId())));
        reinstate.setText(getTranslation("operator.standing.reinstate"));
        reinstate.addClickListener(e -> act(() -> desk.reinstate(operator, found.accountId())));
        show(null);
        add(
                new H2(getTranslation("operator.standing.title")),
                new Paragraph(getTranslation("operator.standing.intro")),
                email,
                find,
                result,
                suspend,
                reinstate);
    }

    private void find() {
        var account = desk.find(operator, email.getValue());
        if (account.isEmpty()) {
            result.setText(getTranslation("operator.standing.none"));
        }
        show(account.orElse(null));
    }

    private void act(java.util.function.Supplier<OperatorDesk.AccountSummary> action) {
        try {
            show(action.get());
            afterChange.run();
        } catch (OperatorDesk.Refused refused) {
            result.setText(refused.getMessage());
        }
    }

    private void show(OperatorDesk.AccountSummary account) {
        found = account;
        suspend.setVisible(account != null && !account.suspended());
        reinstate.setVisible(account != null && account.suspended());
        if (account != null) {
            result.setText(getTranslation(
                    account.suspended() ? "operator.standing.suspended" : "operator.standing.active",
                    account.displayName(),
                    getTranslation("operator.role." + account.role().name())));
        }
    }
}
