package dev.vigil.report;

/** RFC 4180 cells, for every CSV Vigil writes. */
public final class Csv {

    private Csv() {
    }

    /** The cell as it is, or quoted when it holds a comma, a quote or a line break. */
    public static String cell(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
