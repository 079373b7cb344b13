/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-print-operation"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "pm-chart-print-operation.h"

struct _PmChartPrintOperation
{
  GtkPrintOperation parent_instance;

  PmChartBooklet *booklet;
  GtkDropDown *per_page_choice; /* in the print dialog's own tab */
  gboolean from_dialog;         /* the person chose the settings: keep them */
};

G_DEFINE_FINAL_TYPE (PmChartPrintOperation, pm_chart_print_operation, GTK_TYPE_PRINT_OPERATION)

enum { PROP_0, PROP_BOOKLET, PROP_PER_PAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const guint per_page_choices[] = { 1, 2, 4 };

/* The print settings of the last print and the page setup last chosen,
 * kept in the user's configuration so that the next print starts from them. */

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "plan-monitor", "chart-printing.ini", NULL);
}

static GKeyFile *
load_settings_file (void)
{
  g_autofree char *path = settings_path ();
  GKeyFile *file = g_key_file_new ();

  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL);
  return file;
}

static GtkPrintSettings *
load_print_settings (void)
{
  g_autoptr (GKeyFile) file = load_settings_file ();

  return gtk_print_settings_new_from_key_file (file, NULL, NULL);
}

static GtkPageSetup *
load_page_setup (void)
{
  g_autoptr (GKeyFile) file = load_settings_file ();

  return gtk_page_setup_new_from_key_file (file, NULL, NULL);
}

static void
save_settings (GtkPrintSettings *settings,
               GtkPageSetup     *page_setup)
{
  g_autoptr (GKeyFile) file = load_settings_file ();
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  if (settings)
    gtk_print_settings_to_key_file (settings, file, NULL);
  if (page_setup)
    gtk_page_setup_to_key_file (page_setup, file, NULL);

  /* a setting not kept is no loss to the print itself: say so, and go on */
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &error))
    g_message ("The print settings could not be kept in %s: %s", path,
               error ? error->message : g_strerror (errno));
}

/* A4, upright for two charts a page and across for one or four. */
static GtkPageSetup *
default_page_setup (PmChartPrintOperation *self)
{
  GtkPageSetup *setup = load_page_setup ();
  double width, height;

  if (setup)
    return setup;

  setup = gtk_page_setup_new ();
  pm_chart_booklet_get_paper_size (self->booklet, &width, &height);
  if (pm_chart_booklet_get_style (self->booklet) == PM_CHART_STYLE_SLIDE)
    {
      g_autoptr (GtkPaperSize) paper = gtk_paper_size_new_custom ("slide-16-9", _("Slide (16:9)"),
                                                                  width, height, GTK_UNIT_POINTS);

      gtk_page_setup_set_paper_size (setup, paper);
    }
  else
    {
      g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size (setup, a4);
      gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                            : GTK_PAGE_ORIENTATION_PORTRAIT);
    }

  return setup;
}

static void
pm_chart_print_operation_begin_print (GtkPrintOperation *operation,
                                      GtkPrintContext   *context)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, pm_chart_booklet_get_n_pages (self->booklet));
}

static void
pm_chart_print_operation_draw_page (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    int                page_nr)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  /* the unit is points (see init): the booklet draws in points */
  pm_chart_booklet_draw_page (self->booklet, cr, gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context), (guint) page_nr, NULL);
}

static void
pm_chart_print_operation_end_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (operation);

  if (self->from_dialog)
    save_settings (gtk_print_operation_get_print_settings (operation), NULL);
}

static GtkWidget *
pm_chart_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (operation);
  const char *choices[] = { N_("One chart a page"), N_("Two charts a page"),
                            N_("Four charts a page"), NULL };
  const char *translated[G_N_ELEMENTS (choices)];
  GtkWidget *box, *label;
  guint selected = 0;

  for (guint i = 0; choices[i]; i++)
    translated[i] = _(choices[i]);
  translated[G_N_ELEMENTS (choices) - 1] = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (per_page_choices); i++)
    if (per_page_choices[i] == pm_chart_booklet_get_per_page (self->booklet))
      selected = i;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  label = gtk_label_new_with_mnemonic (_("_Charts per page"));
  self->per_page_choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  gtk_drop_down_set_selected (self->per_page_choice, selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->per_page_choice));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->per_page_choice));

  return box;
}

static void
pm_chart_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                              GtkWidget         *widget)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (operation);
  guint selected;

  if (self->per_page_choice == NULL)
    return;

  selected = gtk_drop_down_get_selected (self->per_page_choice);
  if (selected < G_N_ELEMENTS (per_page_choices))
    pm_chart_print_operation_set_per_page (self, per_page_choices[selected]);
  self->per_page_choice = NULL;
}

static void
pm_chart_print_operation_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_BOOKLET:
      g_value_set_object (value, self->booklet);
      break;
    case PROP_PER_PAGE:
      g_value_set_uint (value, pm_chart_booklet_get_per_page (self->booklet));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_chart_print_operation_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_BOOKLET:
      g_set_object (&self->booklet, g_value_get_object (value));
      break;
    case PROP_PER_PAGE:
      pm_chart_print_operation_set_per_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_chart_print_operation_constructed (GObject *object)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autoptr (GtkPrintSettings) settings = load_print_settings ();
  g_autoptr (GtkPageSetup) setup = NULL;
  const char *title;

  G_OBJECT_CLASS (pm_chart_print_operation_parent_class)->constructed (object);

  if (self->booklet == NULL)
    self->booklet = pm_chart_booklet_new (NULL, PM_CHART_STYLE_PRINT, 1);

  setup = default_page_setup (self);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (settings)
    gtk_print_operation_set_print_settings (operation, settings);

  title = pm_chart_booklet_get_title (self->booklet);
  gtk_print_operation_set_job_name (operation, title && *title ? title : _("Charts"));
}

static void
pm_chart_print_operation_dispose (GObject *object)
{
  PmChartPrintOperation *self = PM_CHART_PRINT_OPERATION (object);

  g_clear_object (&self->booklet);

  G_OBJECT_CLASS (pm_chart_print_operation_parent_class)->dispose (object);
}

static void
pm_chart_print_operation_class_init (PmChartPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = pm_chart_print_operation_constructed;
  object_class->dispose = pm_chart_print_operation_dispose;
  object_class->get_property = pm_chart_print_operation_get_property;
  object_class->set_property = pm_chart_print_operation_set_property;

  operation_class->begin_print = pm_chart_print_operation_begin_print;
  operation_class->draw_page = pm_chart_print_operation_draw_page;
  operation_class->end_print = pm_chart_print_operation_end_print;
  operation_class->create_custom_widget = pm_chart_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = pm_chart_print_operation_custom_widget_apply;

  properties[PROP_BOOKLET] =
    g_param_spec_object ("booklet", NULL, NULL, PM_TYPE_CHART_BOOKLET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PER_PAGE] =
    g_param_spec_uint ("per-page", NULL, NULL, 1, 4, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_chart_print_operation_init (PmChartPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Charts"));
}

PmChartPrintOperation *
pm_chart_print_operation_new (PmChartBooklet *booklet)
{
  g_return_val_if_fail (PM_IS_CHART_BOOKLET (booklet), NULL);

  return g_object_new (PM_TYPE_CHART_PRINT_OPERATION, "booklet", booklet, NULL);
}

/* Returns: (transfer none): the charts and how they are laid out */
PmChartBooklet *
pm_chart_print_operation_get_booklet (PmChartPrintOperation *self)
{
  g_return_val_if_fail (PM_IS_CHART_PRINT_OPERATION (self), NULL);

  return self->booklet;
}

guint
pm_chart_print_operation_get_per_page (PmChartPrintOperation *self)
{
  g_return_val_if_fail (PM_IS_CHART_PRINT_OPERATION (self), 1);

  return pm_chart_booklet_get_per_page (self->booklet);
}

void
pm_chart_print_operation_set_per_page (PmChartPrintOperation *self,
                                       guint                  per_page)
{
  g_return_if_fail (PM_IS_CHART_PRINT_OPERATION (self));
  g_return_if_fail (pm_chart_per_page_is_valid (per_page));

  if (pm_chart_booklet_get_per_page (self->booklet) == per_page)
    return;

  pm_chart_booklet_set_per_page (self->booklet, per_page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PER_PAGE]);
}

/* Shows the print dialog (with the page setup and the charts per page). */
GtkPrintOperationResult
pm_chart_print_operation_run_dialog (PmChartPrintOperation *self,
                                     GtkWindow             *parent,
                                     GError               **error)
{
  g_return_val_if_fail (PM_IS_CHART_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  self->from_dialog = TRUE;
  return gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                  GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
}

/* Shows the pages as they will print, in the system's previewer. */
GtkPrintOperationResult
pm_chart_print_operation_run_preview (PmChartPrintOperation *self,
                                      GtkWindow             *parent,
                                      GError               **error)
{
  g_return_val_if_fail (PM_IS_CHART_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  return gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                                  parent, error);
}

/* Prints to a PDF file with no dialog at all. */
gboolean
pm_chart_print_operation_export_pdf (PmChartPrintOperation *self,
                                     const char            *filename,
                                     GError               **error)
{
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;

  g_return_val_if_fail (PM_IS_CHART_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  operation = GTK_PRINT_OPERATION (self);
  gtk_print_operation_set_allow_async (operation, FALSE);
  gtk_print_operation_set_export_filename (operation, filename);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  gtk_print_operation_set_allow_async (operation, TRUE);

  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}

static void
page_setup_done_cb (GtkPageSetup *page_setup,
                    gpointer      user_data)
{
  if (page_setup)
    save_settings (NULL, page_setup);
}

/* The page setup dialog on its own; its choice is kept for the next print. */
void
pm_chart_print_run_page_setup (GtkWindow *parent)
{
  g_autoptr (GtkPageSetup) setup = load_page_setup ();
  g_autoptr (GtkPrintSettings) settings = load_print_settings ();

  if (settings == NULL)
    settings = gtk_print_settings_new ();
  gtk_print_run_page_setup_dialog_async (parent, setup, settings, page_setup_done_cb, NULL);
}
