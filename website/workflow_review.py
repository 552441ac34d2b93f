"""A moderator's Approve or Request changes from the dashboard (website.dashboard.AwaitingReviewPanel), through the
workflow task's own actions, answered with a message that says what happened."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.forms import TaskStateCommentForm
from wagtail.models import TaskState

ACTIONS = {"approve", "reject"}


@require_POST
def act_on_task(request, task_state_id):
    task_state = get_object_or_404(TaskState, pk=task_state_id).specific
    dashboard = reverse("wagtailadmin_home")
    obj = task_state.revision.content_object
    title = task_state.revision.object_str
    if obj is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        messages.warning(request, f"“{title}” is no longer waiting for review: someone has already dealt with it.")
        return redirect(dashboard)
    action = request.POST.get("action")
    task = task_state.task.specific
    if action not in ACTIONS or action not in {name for name, *_ in task.get_actions(obj, request.user)}:
        raise PermissionDenied
    form = TaskStateCommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    task.on_action(task_state, request.user, action, comment=comment)
    obj.refresh_from_db()
    author = task_state.revision.user
    if action == "reject":
        told = f"{author.get_full_name() or author.get_username()} has been told" if author else "Its author is told"
        messages.success(request, f"Changes requested on “{title}”. {told}, with your comment.")
    elif getattr(obj, "live", False) and not obj.workflow_in_progress:
        buttons = [messages.button(obj.url, "View live", new_window=True)] if getattr(obj, "url", None) else []
        messages.success(request, f"“{title}” is approved and live on the site now.", buttons=buttons)
    else:
        messages.success(request, f"“{title}” is approved and goes on to the workflow's next step.")
    return redirect(dashboard)


urlpatterns = [path("review/<int:task_state_id>/", act_on_task, name="website_workflow_review")]
