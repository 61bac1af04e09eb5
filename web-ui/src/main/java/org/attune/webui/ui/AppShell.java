package org.attune.webui.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every view lives in. Styles come from Vaadin's pre-compiled Lumo theme plus one plain stylesheet served
 * from {@code META-INF/resources}, so the production build needs no frontend toolchain. Server push lets live
 * therapist views update without a reload.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {}
