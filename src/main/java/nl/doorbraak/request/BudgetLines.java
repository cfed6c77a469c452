package nl.doorbraak.request;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The budget lines of budget-pooling requests, exact to the cent. */
@Repository
public class BudgetLines {

    private final JdbcClient jdbc;

    BudgetLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID requestId, List<BudgetPoolingContent.Line> lines) {
        int number = 1;
        for (BudgetPoolingContent.Line line : lines) {
            jdbc.sql("""
                    INSERT INTO request_budget_line (request_id, line_number, ministry_code, regulation_code, amount, years)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(requestId, number++, line.ministry(), line.regulation(), line.amount(),
                            line.years().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .update();
        }
    }

    public List<BudgetLine> of(UUID requestId) {
        return jdbc.sql("""
                SELECT line_number, ministry_code, regulation_code, amount, years
                FROM request_budget_line WHERE request_id = ? ORDER BY line_number""")
                .param(requestId)
                .query((rs, row) -> new BudgetLine(rs.getInt("line_number"), rs.getString("ministry_code"),
                        rs.getString("regulation_code"), rs.getBigDecimal("amount"),
                        Arrays.stream(rs.getString("years").split(",")).map(Integer::valueOf).toList()))
                .list();
    }

    public static BigDecimal total(List<BudgetLine> lines) {
        return nl.doorbraak.platform.validation.Amounts.sum(lines.stream().map(BudgetLine::amount).toList());
    }
}
