package org.attune.webui.operator.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.attune.webui.operator.OperatorDesk;
import org.attune.webui.security.Caller;

/** The operator's desk: therapists waiting for a check, suspending accounts, and the log of what operators did. */
@Route("operator")
@RolesAllowed("OPERATOR")
class OperatorView extends Main implements HasDynamicTitle {

    final WaitingTherapistsSection waiting;
    final AccountStandingSection standing;
    final OperatorAuditSection audit;

    OperatorView(OperatorDesk desk) {
        addClassName("attune-page");
        var operator = Caller.current().orElse(null);
        audit = new OperatorAuditSection(desk, operator);
        waiting = new WaitingTherapistsSection(desk, operator, audit::refresh);
        standing = new AccountStandingSection(desk, operator, audit::refresh);
        add(
                new H1(getTranslation("operator.title")),
                new Paragraph(getTranslation("operator.intro")),
                waiting,
                standing,
                audit);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operator.page-title");
    }
}
