package org.gatehouse.directory;

import java.util.List;

import org.gatehouse.platform.ChangeLog;
import org.springframework.stereotype.Component;

/**
 * Each finished import's report, its refused lines with it, is the directory's change log; what the import changed
 * is in the people's own records and their roles' versions. One still running stays.
 */
@Component
class ImportChangeLog implements ChangeLog {

    @Override
    public List<Table> changeLogTables() {
        return List.of(Table.of("directory_import", "finished_at").with("directory_import_refusal", "import_id"));
    }
}
