package org.attune.webui.safety;

import org.attune.webui.security.Caller;

/** Whether a safety alert of this client would reach anyone: how many therapists hold SAFETY_ALERTS now. */
public interface AlertRecipients {

    long count(Caller client);
}
