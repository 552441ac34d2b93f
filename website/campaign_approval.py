"""Pages that organisers write go through the "Campaign approval" workflow wherever they are made.

A page under a campaign already has it (the campaign index's workflow covers its pages); an action page made
elsewhere (an open letter or a petition under the home page, where Wagtail's own "Moderators approval" would apply)
is given it, on itself, when it is created. Apps connect `put_under_campaign_approval` to their page types'
post_save in their AppConfig.ready.
"""

from wagtail.models import Workflow, WorkflowPage

from website.roles import CAMPAIGN_WORKFLOW


def put_under_campaign_approval(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    current = instance.get_workflow()
    if current is not None and current.name == CAMPAIGN_WORKFLOW:
        return
    workflow = Workflow.objects.filter(name=CAMPAIGN_WORKFLOW, active=True).first()
    if workflow is not None:
        workflow_page, _ = WorkflowPage.objects.get_or_create(page=instance.page_ptr, defaults={"workflow": workflow})
        # The instance remembered that it had none (asked above): it has one now.
        instance.workflowpage = workflow_page
