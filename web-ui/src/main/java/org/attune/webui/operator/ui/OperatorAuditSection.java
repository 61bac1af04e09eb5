package org.attune.webui.operator.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.attune.webui.operator.OperatorDesk;
import org.attune.webui.security.Caller;

/** The operators' audit log, newest first, with downloads as CSV and JSON. */
class OperatorAuditSection extends Section {

    final Grid<OperatorDesk.AuditEntry> grid = new Grid<>();
    final Anchor csv = new Anchor("api/operator/audit.csv", "");
    final Anchor json = new Anchor("api/operator/audit.json", "");

    private final OperatorDesk desk;
    private final Caller operator;

    OperatorAuditSection(OperatorDesk desk, Caller operator) {
        this.desk = desk;
        this.operator = operator;
        setId("operator-audit");
        grid.addColumn(e -> e.at().toString()).setHeader(getTranslation("operator.audit.at"));
        grid.addColumn(e -> getTranslation("operator.audit.action." + e.action()))
                .setHeader(getTranslation("operator.audit.action"));
        grid.addColumn(OperatorDesk.AuditEntry::accountId).setHeader(getTranslation("operator.audit.account"));
        grid.addColumn(OperatorDesk.AuditEntry::operatorId).setHeader(getTranslation("operator.audit.operator"));
        grid.setAllRowsVisible(true);
        csv.setText(getTranslation("operator.audit.csv"));
        csv.getElement().setAttribute("download", true);
        json.setText(getTranslation("operator.audit.json"));
        json.getElement().setAttribute("download", true);
        add(
                new H2(getTranslation("operator.audit.title")),
                new Paragraph(csv, new com.vaadin.flow.component.html.Span(" · "), json),
                grid);
        refresh();
    }

    void refresh() {
        grid.setItems(desk.auditLog(operator));
    }
}
