package banban.gateway.workorder;

/**
 * What a filing flow hands to {@link WorkOrderService}: the form of a new order. {@code phone} is the
 * plain number, encrypted before it reaches the database; null when the citizen left none.
 */
public record NewOrder(
    String conversationId, String channel, String citizenRef, AppealType appealType, String title,
    String citizenText, Summary summary, String location, String categorySuggested, String departmentSuggested,
    String category, String department, String urgency, String contactName, String phone, boolean consent,
    String createdBy) {}
