package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.FeeSettlement;
import org.openill.application.staff.StaffSettlements;
import org.openill.domain.IllException;
import org.openill.web.common.Texts;

import java.io.Serializable;
import java.util.List;

/** The library's settlement statements with partners: who owes whom per period and currency, the fees behind it. */
@Named
@ViewScoped
public class StaffSettlementsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffSettlements settlements;

    private List<FeeSettlement.Statement> statements;
    private Long chosen;
    private List<FeeSettlement.Line> lines;

    public List<FeeSettlement.Statement> getStatements() {
        if (statements == null) {
            statements = settlements.statements();
        }
        return statements;
    }

    public void choose(long id) {
        chosen = id;
        lines = settlements.lines(id);
    }

    public void confirm(long id) {
        try {
            settlements.confirmSettled(id);
            Texts.message(null, FacesMessage.SEVERITY_INFO, "settlements.done.settled", String.valueOf(id));
            statements = null;
        } catch (IllException refused) {
            Texts.refused(null, refused);
        }
    }

    public Long getChosen() {
        return chosen;
    }

    public List<FeeSettlement.Line> getLines() {
        return lines;
    }
}
