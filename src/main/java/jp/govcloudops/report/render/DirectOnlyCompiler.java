package jp.govcloudops.report.render;

import java.io.File;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.design.JRAbstractJavaCompiler;
import net.sf.jasperreports.engine.design.JRCompilationSourceCode;
import net.sf.jasperreports.engine.design.JRCompilationUnit;
import net.sf.jasperreports.engine.design.JRSourceCompileTask;

/**
 * The report compiler for our templates. Their expressions are plain {@code $F{}}, {@code $P{}} and {@code $V{}}
 * references, which JasperReports evaluates directly; so compiling needs no Java compiler, and works the same
 * inside the executable jar (where javac could not see the nested library jars). A template with any other
 * expression is refused with the reason, instead of failing later in production.
 */
public class DirectOnlyCompiler extends JRAbstractJavaCompiler {

    public DirectOnlyCompiler(JasperReportsContext context) {
        super(context, false);
    }

    @Override
    protected void checkLanguage(String language) throws JRException {
        if (!JRReport.LANGUAGE_JAVA.equals(language)) {
            throw new JRException("report templates must use language=\"java\", not " + language, (Object[]) null);
        }
    }

    @Override
    protected JRCompilationSourceCode generateSourceCode(JRSourceCompileTask task) throws JRException {
        throw new JRException("template " + task.getJasperDesign().getName() + " has an expression that needs Java"
                + " compilation; templates may only use plain $F{...}, $P{...} and $V{...} references (compute"
                + " anything else in the application)", (Object[]) null);
    }

    @Override
    protected String compileUnits(JRCompilationUnit[] units, String classpath, File tempDir) throws JRException {
        throw new JRException("report templates are not compiled to Java classes", (Object[]) null);
    }

    @Override
    protected String getSourceFileName(String unitName) {
        return unitName + ".java";
    }
}
