"""Spreadsheet exports of what visitors typed, safe to open in Excel or LibreOffice.

Wagtail already stores XLSX cells that look like formulas as text; CSV has no cell types, so a value such
as `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` would run when opened. Such values get a leading apostrophe,
which spreadsheets show as text (OWASP's advice for CSV injection).
"""

from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from website.admin_columns import readable_modeladmin_columns

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value


class SafeExportIndexView(IndexView):
    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise_formula(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class SafeExportModelAdmin(ModelAdmin):
    """A wagtail-modeladmin listing of visitors' records whose CSV export can't smuggle in formulas, and whose
    yes/no columns say "Yes" or "No"."""

    index_view_class = SafeExportIndexView

    def get_list_display(self, request):
        return readable_modeladmin_columns(self.model, super().get_list_display(request))
